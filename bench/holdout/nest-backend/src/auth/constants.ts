export const jwtConstants = {
  secret: 'DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET AND KEEP IT SAFE OUTSIDE OF THE SOURCE CODE.', // expect: secret.inline
};

export const IS_PUBLIC_KEY = 'isPublic';
export const ROLES_KEY = 'roles';
