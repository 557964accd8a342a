// Placeholder entry, replaced by its owner (see player/vite.config.ts).
const root = document.getElementById('root');
if (root) root.textContent = 'Videoguida';
