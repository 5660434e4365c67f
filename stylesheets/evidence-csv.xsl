<?xml version="1.0" encoding="UTF-8"?>
<!--
  evidence-csv.xsl: the evidence map as CSV (etsi report FILE - -format
  evidence-csv), for spreadsheets and GRC imports.

  Evidence for EN 303 645 provisions (requirement layer).  One row per
  artifact, in dossier order; an evidence item without artifacts gets one
  row with the artifact columns empty.  Columns:

    evidence_id         the evidence item
    provision           the provision it supports (5.3-2)
    kind                conceptual or functional
    category            design-document, test-report, ...
    claim               the claim it supports
    owner               the owner's id
    review              draft, reviewed, accepted or needs-review
    release             the release it was produced for
    artifact_id         the artifact
    ref                 its reference (path or URL)
    media_type          its media type
    sha256              its SHA-256 digest (64 hex digits), or empty
    size                its size in bytes, or empty
    collected           YYYY-MM-DD, or empty
    expires             YYYY-MM-DD, or empty
    visibility          private or public
    external_assurance  for external evidence: self-declared, basic,
                        substantial or high; empty otherwise
    carried_from        the release it was carried from, or empty
    owner_name          the owner's name
    artifact_title      the artifact's title, or empty
    git_oid             the git object id that pins it (40 or 64 hex
                        digits), or empty; an artifact is integrity-pinned
                        when it has a sha256 or a git_oid

  RFC 4180: UTF-8, a header row, fields quoted when they hold a comma, a
  quote, CR or LF, quotes doubled, records ending in CRLF.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    exclude-result-prefixes="rp d">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text>evidence_id,provision,kind,category,claim,owner,review,release,artifact_id,ref,media_type,sha256,size,collected,expires,visibility,external_assurance,carried_from,owner_name,artifact_title,git_oid&#13;&#10;</xsl:text>
    <xsl:for-each select="/rp:report/d:dossier/d:evidence-map/d:evidence">
      <xsl:choose>
        <xsl:when test="d:artifact">
          <xsl:for-each select="d:artifact">
            <xsl:call-template name="row">
              <xsl:with-param name="ev" select=".."/>
              <xsl:with-param name="art" select="."/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="row">
            <xsl:with-param name="ev" select="."/>
            <xsl:with-param name="art" select="/.."/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="ev"/>
    <xsl:param name="art"/>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@id"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@provision"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@kind"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@category"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/d:claim"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@owner"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@review"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/@release"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@id"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@ref"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@media-type"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@sha256"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@size"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@collected"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@expires"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@visibility"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/d:external/@assurance"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$ev/d:carried-from/@release"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="key('owner', $ev/@owner)/d:name"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/d:title"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$art/@git-oid"/>
      <xsl:with-param name="last" select="true()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
