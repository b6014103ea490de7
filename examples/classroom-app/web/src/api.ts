// UserSig comes from the classroom server; it is never computed in the browser.
export async function fetchUserSig(userId: string): Promise<string> {
  const res = await fetch(`/api/usersig?userId=${encodeURIComponent(userId)}`);
  if (!res.ok) throw new Error(`usersig: ${res.status}`);
  const body = (await res.json()) as { userSig: string };
  return body.userSig;
}
