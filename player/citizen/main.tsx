import React from 'react';
import { createRoot } from 'react-dom/client';
import { watchFirstFrame } from '../shared/boot';
import { tokenFromPath } from '../shared/token';
import { CitizenPage } from './CitizenPage';
import '../shared/styles.css';

const root = document.getElementById('root')!;
watchFirstFrame(root);
createRoot(root).render(<CitizenPage token={tokenFromPath()} />);
