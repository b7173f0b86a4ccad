// The layout engine is shared with the CLI: it lives in source/domain/table.ts.
export { COLUMN_GAP, type ColumnSpec, type FittedColumn, fitCell, fitColumns } from '../../domain/table.js';
