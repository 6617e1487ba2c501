// Client-side checks shared by the forms (the API checks again and has the last word).
export const MIN_PASSWORD = 10;

export function checkEmail(email: string): string | null {
  const value = email.trim();
  if (value === "") return "Enter an email address";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    return "Enter an email address in the correct format, like name@example.org";
  }
  return null;
}

export function checkPassword(password: string, emptyMessage: string): string | null {
  if (password === "") return emptyMessage;
  if (password.length < MIN_PASSWORD) return `Password must be at least ${MIN_PASSWORD} characters`;
  return null;
}

export function checkRequired(value: string, message: string): string | null {
  return value.trim() === "" ? message : null;
}
