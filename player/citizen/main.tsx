// Placeholder entry, replaced by its owner (see player/vite.config.ts).
document.getElementById('root')?.append('Videoguida');
export {};
