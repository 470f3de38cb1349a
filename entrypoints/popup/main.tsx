// Today's stored table first, with plain DOM (components/pages/first-paint.ts); React and Dexie load beside it.
import '@/components/ui/styles.css';
import { paintFirst } from '@/components/pages/first-paint';

void paintFirst(document.getElementById('first-paint')!);
void import('./app');
