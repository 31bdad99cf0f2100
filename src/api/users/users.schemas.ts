import { Type, type Static } from 'typebox';
import { roles } from '../../domain/access-policy.ts';
import { IdSchema } from '../common.schemas.ts';

const RoleSchema = Type.Union([
  Type.Literal('caseworker'),
  Type.Literal('mentor'),
  Type.Literal('coordinator'),
  Type.Literal('manager'),
  Type.Literal('admin'),
]);
// Every role of domain/access-policy.ts is in the list above (a compile-time check).
export const everyRoleListed: [Exclude<(typeof roles)[number], Static<typeof RoleSchema>>] extends [never] ? true : false = true;

export const UserSchema = Type.Object(
  {
    id: IdSchema,
    username: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    active: Type.Boolean(),
    mentorId: Type.Union([IdSchema, Type.Null()]),
  },
  { additionalProperties: false },
);

export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) }, { additionalProperties: false });

export const CreatedUserSchema = Type.Intersect([
  UserSchema,
  Type.Object({ oneTimePassword: Type.Union([Type.String(), Type.Null()], { description: 'Shown once when no password was given' }) }),
]);

export const CreateUserBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    password: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    mentorId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { additionalProperties: false },
);

export const UpdateUserBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
    mentorId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const OneTimePasswordSchema = Type.Object({ oneTimePassword: Type.String() }, { additionalProperties: false });
