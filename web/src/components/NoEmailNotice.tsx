// Said when accord sends no email (503 mail_not_configured), so no reset link can be sent: the person who runs accord sets the password.
import { useEffect, useRef } from "react";

export function NoEmailNotice({ id = "no-email-notice", extra }: { id?: string; extra?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // It answers what the person just asked for, so it takes focus and is read out.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <h2 className="heading-s" id={`${id}-title`}>
        This accord does not send email
      </h2>
      <p className="body">
        So it cannot send you a link to choose a new password. Ask the person who runs accord for your
        organisation to set a new password for you. They can do it with the command{" "}
        <code className="code">accord user password</code>.{extra ? ` ${extra}` : ""}
      </p>
    </div>
  );
}
