import { createRoot } from 'react-dom/client';
import { App } from './app';
import '../shared/staff-base.css';
import './dashboard.css';

createRoot(document.getElementById('root')!).render(<App />);
