// The saml-idp attribute profile for the interoperability tests (passed as --configFile; the package's own config.js
// is its default). The tests type every value into the IdP's form per login; these are only what the form shows first.
//
// `uid` is added to what saml-idp sends by default: a stable per-person id the SP's connection uses as the subject
// (the JIT key), as Entra ID's objectidentifier is. saml-idp's NameID is the form's userName in emailAddress format,
// and an email can change or be reused, so the SP refuses it as the subject (SAML-SP.md §4). The package's `userType`
// and `mobilePhone` are left out: a `userType=Admin` next to the groups would suggest the role comes from there.
var user = {
  userName: 'someone@initech.test',
  nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  uid: '',
  firstName: '',
  lastName: '',
  displayName: '',
  email: 'someone@initech.test',
  groups: ''
};

var metadata = [{
  id: 'uid',
  optional: false,
  displayName: 'User ID',
  description: 'A stable id for the person, never reused',
  multiValue: false
}, {
  id: 'email',
  optional: false,
  displayName: 'E-Mail Address',
  description: 'The e-mail address of the user',
  multiValue: false
}, {
  id: 'displayName',
  optional: true,
  displayName: 'Display Name',
  description: 'The display name of the user',
  multiValue: false
}, {
  id: 'firstName',
  optional: true,
  displayName: 'First Name',
  description: 'The given name of the user',
  multiValue: false
}, {
  id: 'lastName',
  optional: true,
  displayName: 'Last Name',
  description: 'The surname of the user',
  multiValue: false
}, {
  id: 'groups',
  optional: true,
  displayName: 'Groups',
  description: 'Group memberships of the user',
  multiValue: true
}];

module.exports = { user: user, metadata: metadata };
