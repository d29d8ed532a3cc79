"""The Slack platform: slash commands, @mentions and choice buttons on slack-bolt's AsyncApp.

Thin on purpose: parse the Slack payload into a Command, dispatch it, render the Reply as
Block Kit, send it. Bolt acknowledges each request before the answer is computed
(``process_before_response=False``), so a slow command never hits Slack's 3-second limit;
the answer goes to the slash command's ``response_url`` or, for mentions, to chat.postMessage.

A mention may come with files (``@newsbot sources import`` and an OPML file): a command that
takes a file gets the first one, downloaded from its ``url_private`` with the bot token (scope
``files:read``), only from Slack's file host (or the API's host, when ``base_url`` points
elsewhere), up to ``MAX_ATTACHMENT_BYTES``. A slash command cannot carry a file.

``app`` builds the Bolt app, ``listeners`` answers it, ``events`` answers each event once,
``text`` reads Slack's text, ``files`` fetches a shared file, ``post`` and ``render`` send a
reply, ``serve`` runs the app, and ``platform`` is what the runner drives.
"""
