import { createRoot } from 'react-dom/client';
import { Sidebar } from '@/components/Sidebar';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(<Sidebar />);
