import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app/styles.css';
import { App } from './app/App';
import { createHost } from './platform/create-host';

const root = document.getElementById('root');
if (root) {
  void createHost().then((host) => {
    createRoot(root).render(
      <StrictMode>
        <App host={host} />
      </StrictMode>,
    );
  });
}
