"""The embedded demo BILLmanager panel.

A second, independent implementation of ../shared/API.md: it shares no code with
``billtui.api`` so that a misunderstanding of the protocol on either side shows up
as a failing test instead of silently agreeing with itself.
"""
