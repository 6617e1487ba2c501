/** Who is making a request: a signed-in user (by session cookie or API token), or nobody. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  via: "session" | "token";
}
