import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/pages/Popup';

createRoot(document.getElementById('root')!).render(<Popup />);
