import type { SessionUser } from '@eldercare/contracts';
import { useState, type FormEvent } from 'react';
import { login } from '../api/auth-api';
import type { HttpClient } from '../api/http-client';
import { loginErrorText } from './login-error-text';
import { useI18n } from '../i18n/i18n-context';
import { otherLocale } from '../i18n/translate';
import { FormError } from '../shared/form-error';

export function LoginPage({ http, onSignedIn }: { http: HttpClient; onSignedIn: (user: SessionUser) => void }) {
  const { t, locale, setLocale } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      onSignedIn(await login(http, username.trim(), password));
    } catch (failure) {
      setPassword('');
      setError(loginErrorText(failure, locale));
      setSending(false);
    }
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <header className="login-head">
          <span className="login-mark" aria-hidden="true" />
          <div>
            <h1>{t('app.title')}</h1>
            <p>{t('login.title')}</p>
          </div>
        </header>
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
            autoFocus
            data-testid="login-username"
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
            data-testid="login-password"
          />
        </label>
        <FormError message={error} testId="login-error" />
        <button type="submit" className="button-primary" disabled={sending} data-testid="login-submit">
          {sending ? t('login.submitting') : t('login.submit')}
        </button>
        <button
          type="button"
          className="button-link login-language"
          onClick={() => setLocale(otherLocale(locale))}
          data-testid="language-switch"
        >
          {t('app.language')}
        </button>
      </form>
    </div>
  );
}
