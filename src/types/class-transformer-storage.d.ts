/** class-transformer's metadata storage (untyped deep import), used to give nested DTOs their JSON schemas. */
declare module 'class-transformer/cjs/storage' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
  export const defaultMetadataStorage: MetadataStorage;
}
