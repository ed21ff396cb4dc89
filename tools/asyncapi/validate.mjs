// Parses and validates an AsyncAPI document with the AsyncAPI project's parser, and every
// Avro schema in it (a schema object whose schemaFormat is Avro's) with the project's Avro
// schema parser, which the parser itself only converts for AsyncAPI 3: exits 1 with every
// error (and shows warnings) if something is not valid, 0 with a line of counts if all is.
// Usage: node validate.mjs <asyncapi.json>
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi.json>');
  process.exit(2);
}

const text = await readFile(file, 'utf8');
const avro = AvroSchemaParser();
const parser = new Parser();
parser.registerSchemaParser(avro);
const { document, diagnostics } = await parser.parse(text, { source: file });

// Every Avro schema, wherever it is, checked by the Avro parser (avsc) as it is written.
const avroErrors = [];
let avroSchemas = 0;
async function checkAvro(node, path) {
  if (node === null || typeof node !== 'object') {
    return;
  }
  if (typeof node.schemaFormat === 'string' && avro.getMimeTypes().includes(node.schemaFormat) && 'schema' in node) {
    avroSchemas++;
    for (const error of await avro.validate({ data: node.schema, path: [...path, 'schema'] })) {
      avroErrors.push(`error: Avro schema: ${error.message} at /${error.path.join('/')}`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    await checkAvro(value, [...path, key]);
  }
}
await checkAvro(JSON.parse(text), []);
avroErrors.forEach((error) => console.log(error));

const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
for (const diagnostic of diagnostics) {
  if (diagnostic.severity <= DiagnosticSeverity.Warning) {
    console.log(`${names[diagnostic.severity]}: ${diagnostic.message} at /${diagnostic.path.join('/')} (${diagnostic.code})`);
  }
}
const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
if (!document || errors.length + avroErrors.length > 0) {
  console.error(`${file}: not a valid AsyncAPI document, ${errors.length + avroErrors.length} error(s)`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
  + `${document.operations().length} operations, ${document.components().messages().length} messages, `
  + `${avroSchemas} Avro schemas`);
