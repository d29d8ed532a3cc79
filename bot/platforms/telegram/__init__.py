"""The Telegram platform: parse, dispatch, render, send. All the answering is in handlers/.

Chats outside ``allowed_chats`` (when it is set) get one polite sentence for each command
addressed to the bot and nothing else; plain messages are never answered anywhere. A command
may come as a file's caption, or answer a message with a file: a command that takes a file
(``/sources import``) gets it downloaded (``getFile``), up to ``MAX_ATTACHMENT_BYTES``.
Webhook mode needs a secret: our webhook endpoint answers 403 to a request without the
``X-Telegram-Bot-Api-Secret-Token`` header or with a wrong one, compared in constant time.
PTB does not deduplicate updates, so a handler in group -1 drops an ``update_id`` seen
recently (Telegram redelivers an update whose webhook call it thinks failed).

``app`` builds the PTB application, ``listeners`` answers its updates, ``send`` posts a
rendered reply, ``render`` renders one, ``serve`` and ``webhook`` run it, and ``platform``
is what the runner drives.
"""
