// UserSig generation with the app's secret key (see Tencent Cloud's TLSSigAPIv2); stubbed here.
function genUserSig(userId) {
  return `usersig-for-${userId}`;
}

module.exports = { genUserSig };
