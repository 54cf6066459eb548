/** Entry of the customer chat widget (`index.html`, served at `/`). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import { Widget } from './Widget.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Widget />
    </StrictMode>,
  );
}
