import { createRoot } from 'react-dom/client';
import { Sidebar } from '@/components/pages/Sidebar';
import '@/components/ui/styles.css';

createRoot(document.getElementById('root')!).render(<Sidebar />);
