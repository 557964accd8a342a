import { createRoot } from 'react-dom/client';
import { loadFonts } from '../../compositions/scenes/ui/fonts';
import { watchFirstFrame } from '../shared/boot';
import { tokenFromPath } from '../shared/token';
import { CitizenPage } from './CitizenPage';
import '../shared/styles.css';

// The composition draws nothing until its fonts are in: fetch them while the manifest is on its way.
void loadFonts().catch(() => undefined);
const root = document.getElementById('root')!;
watchFirstFrame(root);
createRoot(root).render(<CitizenPage token={tokenFromPath()} />);
