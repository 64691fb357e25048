"""Messages written for other people, in their language."""


class LangEnvs(dict):
    """``{lang: env}``: the environment in each language, made once.

    Activities and reminders are read by their assignee, not by the officer
    or the scheduler that creates them, so their texts are translated in the
    assignee's language (``envs[user.lang]._("...")``). A missing language
    falls back to the language of ``env``.
    """

    def __init__(self, env):
        super().__init__()
        self.env = env

    def __missing__(self, lang):
        env = self.env(context=dict(self.env.context, lang=lang or self.env.lang))
        self[lang] = env
        return env
