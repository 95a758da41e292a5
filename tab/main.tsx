import { createRoot } from 'react-dom/client';
import { TabApp } from './tab-app';

// The first reads are already on their way (head-start.ts loads this once it has drawn the first page).
createRoot(document.getElementById('root')!).render(<TabApp />);
