import { createRoot } from 'react-dom/client';
import { WelcomePage } from '@/components/pages/WelcomePage';
import '@/components/ui/styles.css';

createRoot(document.getElementById('root')!).render(<WelcomePage />);
