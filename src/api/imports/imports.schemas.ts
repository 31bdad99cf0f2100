import { Type } from 'typebox';

export const StartImportResponseSchema = Type.Object({ id: Type.Integer({ description: 'Read the status with GET /api/imports/{id}' }) });
