import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { COMMANDS } from '../commands/command-catalogue';
import { CommandMetadataDto, SourceDto } from '../commands/shared/command-metadata.dto';

/** JSON schemas derived from the same DTOs that validate the commands, so they cannot drift. */
export function commandSchemas() {
  // With class-transformer's metadata, nested DTOs (agenda items, attendance) become $refs into `definitions`.
  const options = { classValidatorMetadataStorage: getMetadataStorage(), classTransformerMetadataStorage: defaultMetadataStorage };
  const metadata = targetConstructorToSchema(CommandMetadataDto, options);
  const source = targetConstructorToSchema(SourceDto, options);
  return {
    envelope: {
      type: 'object',
      required: ['type', 'data'],
      properties: { type: { enum: COMMANDS.map((c) => c.type) }, data: { type: 'object' }, metadata: { ...metadata, properties: { ...metadata.properties, source } } },
      additionalProperties: false,
    },
    commands: COMMANDS.map((c) => ({
      type: c.type,
      summary: c.summary,
      schema: { ...targetConstructorToSchema(c.dto, options), additionalProperties: false },
    })),
    definitions: validationMetadatasToSchemas(options),
  };
}
