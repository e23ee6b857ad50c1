import { catalogMigrations, catalogProjections } from '@ticketing/catalog';
import { identityMigrations, usersProjection } from '@ticketing/identity';
import { notificationsMigrations, notificationsProjections } from '@ticketing/notifications';
import type { Projection } from '@ticketing/read-store';
import { salesMigrations, salesProjections } from '@ticketing/sales';
import { ticketingMigrations, ticketingProjections } from '@ticketing/ticketing';
import type { Migration } from 'kysely';

/** Every read model the deployment keeps: the API (embedded mode), the projector and the admin CLI share this list. */
export const readModelProjections: Projection[] = [
  usersProjection,
  ...catalogProjections,
  ...ticketingProjections,
  ...salesProjections,
  ...notificationsProjections,
];

export const readModelMigrations: Record<string, Migration> = {
  ...identityMigrations,
  ...catalogMigrations,
  ...ticketingMigrations,
  ...salesMigrations,
  ...notificationsMigrations,
};
