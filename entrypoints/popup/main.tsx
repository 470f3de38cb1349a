// Today's stored table first, with plain DOM and one storage read (components/pages/first-paint.ts);
// React and Dexie load after it has reached the screen (their modules hold the main thread a while).
import '@/components/ui/styles.css';
import { paintFirst } from '@/components/pages/first-paint';

const load = () => void import('./app');
void paintFirst(document.getElementById('first-paint')!).then((painted) => (painted ? requestAnimationFrame(() => setTimeout(load, 0)) : load()));
