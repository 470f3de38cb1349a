import { createRoot } from 'react-dom/client';
import { ReportPage } from '@/components/pages/ReportPage';
import '@/components/ui/styles.css';

createRoot(document.getElementById('root')!).render(<ReportPage />);
