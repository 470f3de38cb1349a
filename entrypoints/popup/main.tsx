import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/pages/Popup';
import '@/components/ui/styles.css';

createRoot(document.getElementById('root')!).render(<Popup />);
