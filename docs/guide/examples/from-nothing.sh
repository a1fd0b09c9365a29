#!/usr/bin/env bash
# An organization from nothing, through the management API alone: created, its people's email domain verified, SSO
# through the company's IdP, a SCIM token for the IdP; then, once the IdP has pushed its users and groups, directory
# sync turned on with the groups mapped to roles and seat tiers, and a Sync now run to the end.
# docs/guide/api.md ("From nothing to a provisioned organization") walks through it; a test runs it as it is.
#
#   from-nothing.sh setup       steps 1-4; prints the org's id, and the SCIM endpoint and token to give the IdP
#   from-nothing.sh provision   steps 5-6, after the IdP's first push (the portal refuses directory sync with an
#                               empty directory: it would provision no one); needs ORG_ID
#
# Needs curl and jq, and:
#   IA              the portal's address, e.g. https://identity.example.com
#   IA_KEY          a read-write API key of the parent organization (a parent admin makes it on the parent page;
#                   the key acts as that person, who becomes the new organization's Owner)
#   setup:          ORG_NAME, DOMAIN (the people's email domain), IDP_METADATA (the IdP's SAML metadata file),
#                   optional IDP_PRESET (EntraId, Okta, GoogleWorkspace, ...; EntraId by default),
#                   PREMIUM_SEATS and STANDARD_SEATS (10 and 50 by default),
#                   VERIFY_EVERY and VERIFY_ATTEMPTS (seconds between DNS checks, 30; how many, 60)
#   provision:      ORG_ID, and IdP group names (each optional): OWNERS_GROUP, ADMINS_GROUP, USERS_GROUP (given
#                   access as User), PREMIUM_GROUP (Premium seats). With mappings, directory sync provisions only
#                   the people in a group mapped to a role: one who is in none loses access. The script stops
#                   before that happens unless CONFIRM_REMOVALS=yes.
set -euo pipefail

: "${IA:?set IA to the address of the portal}" "${IA_KEY:?set IA_KEY to a read-write API key}"

# One call: fails the script on any 4xx/5xx, printing the problem the API answered.
api() {
  local method=$1 path=$2
  shift 2
  curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $IA_KEY" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    "$@" "$IA/api/v1$path"
}

json() { api "$1" "$2" -H "Content-Type: application/json" --data "$3"; }

say() { echo "$*" >&2; }

# A settings change as a person reviews it in the portal: a dry run, refused if it cannot be applied, then the apply
# with the dry run's fingerprint (and the count to confirm when people other than the key's creator lose access).
dry_run_and_apply() {
  local resource=$1 body=$2 dry
  dry=$(json POST "/organizations/$ORG_ID/$resource/dry-run" "$body")
  if [ "$(jq -r .canApply <<<"$dry")" != true ]; then
    say "The portal would refuse this change:"; jq .refusals <<<"$dry" >&2; exit 1
  fi
  jq -r '.changes[] | "  \(.change): \(.count)"' <<<"$dry" >&2
  if [ "$(jq -r .affectedOthers <<<"$dry")" != 0 ] && [ "${CONFIRM_REMOVALS:-}" != yes ]; then
    say "   $(jq -r .affectedOthers <<<"$dry") people would lose access or rank; look at the dry run, then run again with CONFIRM_REMOVALS=yes."
    exit 1
  fi
  json POST "/organizations/$ORG_ID/$resource/apply" \
    "$(jq --argjson dry "$dry" '. + {fingerprint: $dry.fingerprint, confirm: $dry.affectedOthers}' <<<"$body")" >/dev/null
}

setup() {
  : "${ORG_NAME:?}" "${DOMAIN:?}" "${IDP_METADATA:?}"

  say "1. The organization"
  ORG_ID=$(json POST /organizations "$(jq -n --arg name "$ORG_NAME" --argjson premium "${PREMIUM_SEATS:-10}" --argjson standard "${STANDARD_SEATS:-50}" \
    '{name: $name, plan: "Enterprise", premiumSeats: $premium, standardSeats: $standard}')" | jq -r .id)

  say "2. The email domain, verified by a TXT record"
  local domain
  domain=$(api GET /domains | jq -c --arg name "$DOMAIN" '.items[] | select(.name == $name)')
  [ -n "$domain" ] || domain=$(json POST /domains "$(jq -n --arg name "$DOMAIN" '{domain: $name}')")
  local attempt=0
  while [ "$(jq -r .status <<<"$domain")" != Verified ]; do
    [ "$attempt" -eq 0 ] && say "   Publish this TXT record in your DNS: $(jq -r '.txtRecord | "\(.name) TXT \"\(.value)\""' <<<"$domain")"
    attempt=$((attempt + 1))
    [ "$attempt" -le "${VERIFY_ATTEMPTS:-60}" ] || { say "   Not verified: $(jq -r .lastCheck.detail <<<"$domain")"; exit 1; }
    sleep "${VERIFY_EVERY:-30}"
    domain=$(api POST "/domains/$(jq -r .id <<<"$domain")/verify" | jq -c .domain)
  done

  say "3. SSO through the IdP"
  api PUT "/sso-connection/metadata?preset=${IDP_PRESET:-EntraId}" -H "Content-Type: application/samlmetadata+xml" --data-binary "@$IDP_METADATA" >/dev/null
  api POST /sso-connection/enable >/dev/null
  api GET /sso-connection | jq -r '.serviceProvider | "   Give the IdP: entity id \(.entityId), reply (ACS) URL \(.acsUrl)"' >&2

  say "4. Directory sync: a SCIM token for the IdP"
  local token
  token=$(api POST /scim-tokens)

  jq -n --arg org "$ORG_ID" --arg url "$IA/scim/v2" --argjson token "$token" '{organizationId: $org, scimUrl: $url, scimToken: $token.secret}'
}

# The key (immutable id) of the directory group named $1, refused if no group or several have that name.
group_key() {
  local keys
  keys=$(jq -r --arg name "$1" '[.groups[] | select(.name == $name) | .key]' <<<"$GROUPS_JSON")
  [ "$(jq length <<<"$keys")" = 1 ] || { say "The directory has $(jq length <<<"$keys") groups named \"$1\"; map it by key."; exit 1; }
  jq -r '.[0]' <<<"$keys"
}

provision() {
  : "${ORG_ID:?}"
  GROUPS_JSON=$(api GET "/organizations/$ORG_ID/group-mappings")

  say "5. Directory sync (SCIM), role and seat tier from the IdP's groups, the key's creator kept as the break-glass Owner"
  local roles="[]" tiers="[]"
  [ -z "${OWNERS_GROUP:-}" ] || roles=$(jq --arg key "$(group_key "$OWNERS_GROUP")" '. + [{groupKey: $key, role: "Owner"}]' <<<"$roles")
  [ -z "${ADMINS_GROUP:-}" ] || roles=$(jq --arg key "$(group_key "$ADMINS_GROUP")" '. + [{groupKey: $key, role: "Admin"}]' <<<"$roles")
  [ -z "${USERS_GROUP:-}" ] || roles=$(jq --arg key "$(group_key "$USERS_GROUP")" '. + [{groupKey: $key, role: "User"}]' <<<"$roles")
  [ -z "${PREMIUM_GROUP:-}" ] || tiers=$(jq --arg key "$(group_key "$PREMIUM_GROUP")" '. + [{groupKey: $key, tier: "Premium"}]' <<<"$tiers")
  local me
  me=$(api GET "/organizations/$ORG_ID/members" | jq -r '[.items[] | select(.role == "Owner")][0].personId')
  dry_run_and_apply identity-access "$(jq -n --arg me "$me" --argjson roles "$roles" --argjson tiers "$tiers" \
    '{mode: "Scim", advancedGroupMappings: (($roles | length) + ($tiers | length) > 0), roleMappings: $roles, tierMappings: $tiers, breakGlassPersonId: $me}')"

  say "6. Sync now, to the end"
  local run
  run=$(api POST "/organizations/$ORG_ID/sync")
  while [ "$(jq -r .state <<<"$run")" = Running ]; do
    sleep 1
    run=$(api GET "/sync-runs/$(jq -r .id <<<"$run")")
  done
  [ "$(jq -r .state <<<"$run")" = Succeeded ] || { say "Sync now ended $(jq -c '{state, refusal}' <<<"$run")"; exit 1; }
  jq '{organizationId: .organizationId, sync: .result}' <<<"$run"
}

case "${1:-}" in
  setup) setup ;;
  provision) provision ;;
  *) say "usage: $0 setup | provision (see the top of this file)"; exit 64 ;;
esac
