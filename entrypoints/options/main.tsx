import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/pages/OptionsPage';
import '@/components/ui/styles.css';

createRoot(document.getElementById('root')!).render(<OptionsPage />);
