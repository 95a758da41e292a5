import { createRoot } from 'react-dom/client';
import { TabApp } from './tab-app';

createRoot(document.getElementById('root')!).render(<TabApp />);
