import type { Migration } from './types';
import storage from './0001_storage';
import rooms from './0002_rooms';
import gallery from './0003_gallery';

/**
 * Every migration, in apply order. To change the schema, add the next-numbered file beside these
 * and one line here; never edit a migration that has shipped.
 */
export const migrations: readonly Migration[] = [storage, rooms, gallery];

export type { Migration } from './types';
