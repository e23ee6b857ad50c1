/** One row per access code and ticket type it unlocks: checking a code is one indexed lookup. */
export interface CatalogAccessCodesTable {
  event_id: string;
  /** Upper-case. */
  code: string;
  ticket_type_id: string;
  created_by: string;
  created_at: Date;
}

declare module '@ticketing/read-store/database' {
  interface Database {
    catalog_access_codes: CatalogAccessCodesTable;
  }
}
