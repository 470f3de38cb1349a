/** The popup's first paint reads through here (components reach storage only through hooks/). */
export { readFirstPaint } from '@/lib/storage/first-paint';
