// The API's own OpenAPI document, read once: the console builds its task forms from what it documents.
let document_;

/** The kinds of a request chosen by `kind` (CreateTransformRequest, CreateIntelligenceRequest) and their schemas. */
export async function kindsOf(request) {
  document_ ??= await (await fetch('/q/openapi?format=json')).json();
  const schemas = document_.components.schemas;
  const mapping = schemas[request].discriminator.mapping;
  return Object.fromEntries(Object.entries(mapping).map(([kind, ref]) => [kind, resolve(schemas, ref)]));
}

/** The schema a $ref names, or the schema itself. */
export function resolve(schemas, refOrSchema) {
  const ref = typeof refOrSchema === 'string' ? refOrSchema : refOrSchema?.$ref;
  return ref ? schemas[ref.split('/').pop()] : refOrSchema;
}

/** The components' schemas (after kindsOf has read the document). */
export const schemas = () => document_.components.schemas;
