import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { html } from '../html.js';
import { useAction } from '../ui/hooks.js';
import { Field, SubmitRow, submitted } from '../ui/parts.js';

/** Whether open sign-up is on; a platform that cannot say is taken to have it off. */
function useSignupOpen() {
  const [open, setOpen] = useState(null);
  useEffect(() => {
    api.get('/auth/options', { auth: false }).then((o) => setOpen(o?.signup === true), () => setOpen(false));
  }, []);
  return open;
}

/** An email and a password, the same for logging in and signing up. */
function Credentials({ prefix, passwordHint, newPassword, submitLabel, onSubmit }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = () => {
    if (!email.trim() || !password) {
      action.fail('Enter your email and password.');
      return;
    }
    action.run(() => onSubmit(email.trim(), password));
  };
  return html`<form class="card" novalidate onSubmit=${submitted(submit)} aria-busy=${action.busy ? 'true' : 'false'}>
    <${Field} id=${`${prefix}-email`} label="Email">
      <input id=${`${prefix}-email`} type="email" autocomplete="username" required value=${email}
        onInput=${(e) => setEmail(e.currentTarget.value)} />
    <//>
    <${Field} id=${`${prefix}-password`} label="Password" hint=${passwordHint}>
      <input id=${`${prefix}-password`} type="password" required value=${password}
        autocomplete=${newPassword ? 'new-password' : 'current-password'}
        aria-describedby=${passwordHint ? `${prefix}-password-hint` : undefined}
        onInput=${(e) => setPassword(e.currentTarget.value)} />
    <//>
    <${SubmitRow} id=${`${prefix}-submit`} action=${action}>${submitLabel}<//>
  </form>`;
}

async function logIn(email, password) {
  const issued = await api.post('/auth/login', { email, password }, { auth: false });
  return issued.token;
}

export function LoginPage({ onToken }) {
  const signup = useSignupOpen();
  return html`<div class="auth">
    <h1 tabindex="-1" data-route-focus>Log in to paas</h1>
    <${Credentials} prefix="login" submitLabel="Log in"
      onSubmit=${async (email, password) => onToken(await logIn(email, password))} />
    ${signup && html`<p>No account yet? <a href="#/signup">Sign up</a></p>`}
  </div>`;
}

export function SignupPage({ onToken }) {
  const signup = useSignupOpen();
  const create = async (email, password) => {
    await api.post('/users', { email, password }, { auth: false });
    onToken(await logIn(email, password));
  };
  return html`<div class="auth">
    <h1 tabindex="-1" data-route-focus>Sign up for paas</h1>
    ${signup === false
      ? html`<p role="alert" class="error">This platform does not take sign-ups. Ask its operator for an account.</p>`
      : html`<${Credentials} prefix="signup" submitLabel="Sign up" newPassword
          passwordHint="At least 10 characters; not your email, nor a common password." onSubmit=${create} />`}
    <p>Have an account? <a href="#/login">Log in</a></p>
  </div>`;
}
