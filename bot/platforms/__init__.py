"""The chat platforms: one package each (``telegram``, ``slack``, ``console``), the interface
the runner drives them by (``platform``) and the gate they share for allowed chats, admins
and ids already seen (``gate``). No platform's package imports another's."""
