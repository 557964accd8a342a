import { createRoot } from 'react-dom/client';
import { loadFonts } from '../../compositions/scenes/ui/fonts';
import { watchFirstFrame } from '../shared/boot';
import { tokenFromFragment } from '../shared/token';
import { EmbedApp } from './EmbedApp';
import '../shared/styles.css';

// The token is in the fragment (/embed#<token>): no server, log or Referer ever sees it.
const token = tokenFromFragment();
if (token) history.replaceState(null, '', location.pathname);
// The composition draws nothing until its fonts are in: fetch them while the manifest is on its way.
void loadFonts().catch(() => undefined);
const root = document.getElementById('root')!;
watchFirstFrame(root);
createRoot(root).render(<EmbedApp token={token} />);
