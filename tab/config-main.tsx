import { createRoot } from 'react-dom/client';
import { ConfigPage } from './config-page';

createRoot(document.getElementById('root')!).render(<ConfigPage />);
