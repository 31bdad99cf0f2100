-- Issue 11: single sign-on through OpenID Connect (use-cases/single-sign-on.ts).
-- A user signed in through the municipality's identity provider is known by issuer and subject
-- ("issuer|sub"), never by a name the provider lets people choose.
alter table users add column oidc_subject text;
create unique index users_oidc_subject_key on users (oidc_subject) where oidc_subject is not null;

-- One row per login under way: the state, nonce and PKCE verifier of the authorization request, taken
-- (deleted) by the callback, so any server process can finish what another started. Rows older than
-- ten minutes are ignored and purged.
create table oidc_logins (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null default now()
);
