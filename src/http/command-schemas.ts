import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { COMMANDS } from '../commands/command-catalogue';
import { CommandMetadataDto, SourceDto } from '../commands/shared/command-metadata.dto';

/** JSON schemas derived from the same DTOs that validate the commands, so they cannot drift. */
export function commandSchemas() {
  const metadata = targetConstructorToSchema(CommandMetadataDto, { classValidatorMetadataStorage: getMetadataStorage() });
  const source = targetConstructorToSchema(SourceDto, { classValidatorMetadataStorage: getMetadataStorage() });
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
      schema: { ...targetConstructorToSchema(c.dto, { classValidatorMetadataStorage: getMetadataStorage() }), additionalProperties: false },
    })),
  };
}
