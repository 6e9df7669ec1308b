/**
 * The answers about the account, project and permissions the Studio asks for before it shows
 * anything. The local Content Lake has exactly one user, a local administrator, on one project.
 */
export const LOCAL_USER = {
  id: 'local-admin',
  name: 'Local administrator',
  email: 'admin@localhost',
  profileImage: null,
  provider: 'local',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator', description: 'Full access'}],
}

const ADMINISTRATOR_ROLE = {
  name: 'administrator',
  title: 'Administrator',
  description: 'Read and write access to all datasets, with full access to all project settings.',
  isCustom: false,
  projectId: '',
  appliesToUsers: true,
  appliesToRobots: true,
}

export function projectDescription(projectId: string, createdAt: string) {
  return {
    id: projectId,
    displayName: 'Careers (local)',
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    organizationId: null,
    createdAt,
    metadata: {},
    maxRetentionDays: 0,
    activityFeedEnabled: false,
    pendingInvites: 0,
    features: [],
    members: [
      {
        id: LOCAL_USER.id,
        createdAt,
        isCurrentUser: true,
        isRobot: false,
        role: 'administrator',
        roles: [{name: 'administrator', title: 'Administrator'}],
      },
    ],
  }
}

export function datasetList(dataset: string) {
  return [{name: dataset, aclMode: 'private', tags: []}]
}

export function roleList(projectId: string) {
  return [{...ADMINISTRATOR_ROLE, projectId}]
}

/** Every permission on every document, the grants of the administrator role. */
export const ADMINISTRATOR_GRANTS = [
  {
    filter: '_id in path("**")',
    permissions: ['history', 'read', 'update', 'create', 'manage'],
  },
]

/**
 * Project-level grants by resource type. Only reading: the local server keeps no deployed schemas
 * or members, so the Studio must not offer to deploy or invite (it checks for `deployStudio` and
 * member grants here).
 */
export const PROJECT_GRANTS = {
  'sanity.project': [{grants: [{name: 'read', params: {}}], config: {}}],
}
