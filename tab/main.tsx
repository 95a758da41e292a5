import { createRoot } from 'react-dom/client';
import { TabApp } from './tab-app';

// The first reads are already on their way (early-main.ts runs before this).
createRoot(document.getElementById('root')!).render(<TabApp />);
