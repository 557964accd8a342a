import React from 'react';
import { createRoot } from 'react-dom/client';
import { watchFirstFrame } from '../shared/boot';
import { tokenFromFragment } from '../shared/token';
import { EmbedApp } from './EmbedApp';
import '../shared/styles.css';

// The token is in the fragment (/embed#<token>): no server, log or Referer ever sees it.
const token = tokenFromFragment();
if (token) history.replaceState(null, '', location.pathname);
const root = document.getElementById('root')!;
watchFirstFrame(root);
createRoot(root).render(<EmbedApp token={token} />);
