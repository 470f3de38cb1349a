import { createRoot } from 'react-dom/client';
import { ReportPage } from '@/components/ReportPage';
import '@/components/styles.css';

createRoot(document.getElementById('root')!).render(<ReportPage />);
