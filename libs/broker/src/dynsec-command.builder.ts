import type { TopicGrant } from './broker-access.rule';

/*
 * STORED OUTSIDE THE CODE: the topics are Mosquitto's, and the names below are written into the
 * broker's dynamic-security file for every account the platform provisions. Renaming one orphans
 * the accounts created before; change them only together with a migration of those accounts.
 */
export const DYNSEC_CONTROL_TOPIC = '$CONTROL/dynamic-security/v1';
export const DYNSEC_RESPONSE_TOPIC = '$CONTROL/dynamic-security/v1/response';
/** The role of the platform's service account (the gateway). */
export const SERVICE_ROLE = 'eldercare-service';
/** Text names mark the accounts the platform created: it modifies or deletes no other account. */
export const SERVICE_ACCOUNT_TEXTNAME = 'eldercare service account';
export const DEVICE_ACCOUNT_TEXTNAME = 'eldercare device';

/** Mosquitto 2.0 has no %c/%u substitution in ACLs, so each device needs a role of its own. */
export function deviceRoleName(deviceId: string): string {
  return `device-${deviceId}`;
}

/** One entry of a `$CONTROL/dynamic-security/v1` message. */
export interface DynsecCommand {
  command: string;
  username?: string;
  rolename?: string;
  [field: string]: unknown;
}

interface ClientFields {
  username: string;
  password: string;
  rolename: string;
  /** When set, Mosquitto refuses this account on any other client id. */
  clientid?: string;
  textname?: string;
}

/** Builders for the dynamic-security commands the platform sends, in the plugin's own field names. */
export const dynsecCommands = {
  createRole: (rolename: string, grants: readonly TopicGrant[]): DynsecCommand => ({
    command: 'createRole',
    rolename,
    acls: dynsecAcls(grants),
  }),
  /** Replaces all the role's ACLs, so a role created by an earlier version converges to the current rules. */
  modifyRole: (rolename: string, grants: readonly TopicGrant[]): DynsecCommand => ({
    command: 'modifyRole',
    rolename,
    acls: dynsecAcls(grants),
  }),
  /** Adds one ACL to a role and leaves its others; refused with "ACL with this topic already exists" when it has it. */
  addRoleACL: (rolename: string, grant: TopicGrant): DynsecCommand => ({
    command: 'addRoleACL',
    rolename,
    ...dynsecAcl(grant),
  }),
  deleteRole: (rolename: string): DynsecCommand => ({ command: 'deleteRole', rolename }),
  createClient: ({ rolename, ...fields }: ClientFields): DynsecCommand => ({
    command: 'createClient',
    ...fields,
    roles: [{ rolename }],
  }),
  /** Sets the password, client id and roles of an existing account; Mosquitto disconnects its live connections. */
  modifyClient: ({ rolename, ...fields }: ClientFields): DynsecCommand => ({
    command: 'modifyClient',
    ...fields,
    roles: [{ rolename }],
  }),
  getClient: (username: string): DynsecCommand => ({ command: 'getClient', username }),
  deleteClient: (username: string): DynsecCommand => ({ command: 'deleteClient', username }),
};

/**
 * The grants as dynamic-security ACLs. Both types default to deny, so listing what is allowed is
 * the whole rule: `publishClientSend` for publishing, `subscribePattern` for subscribing
 * (a pattern also allows narrower filters, a literal would not).
 */
function dynsecAcls(grants: readonly TopicGrant[]): DynsecAcl[] {
  return grants.map(dynsecAcl);
}

interface DynsecAcl {
  acltype: string;
  topic: string;
  allow: true;
}

function dynsecAcl(grant: TopicGrant): DynsecAcl {
  return {
    acltype: grant.action === 'publish' ? 'publishClientSend' : 'subscribePattern',
    topic: grant.pattern,
    allow: true,
  };
}
