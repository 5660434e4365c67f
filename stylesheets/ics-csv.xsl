<?xml version="1.0" encoding="UTF-8"?>
<!--
  ics-csv.xsl: the Annex B ICS as CSV (etsi report FILE - -format ics-csv).

  EN 303 645 requirement layer.  One row per clause 5.3 provision of the
  dossier's edition, in catalog (Annex B) order, then one row per ICS
  entry for a provision outside clause 5.3's outcomes (such as 5.0-1), in
  dossier order: so every ICS entry appears, and every provision, stated
  or not.  Columns:

    reference   the provision (5.3-2)
    status      its Annex B status code as libetsi evaluates it (M C (15))
    support     Y, N, N/A, or empty when not stated
    detail      the ICS detail: the measure, or why not
    title       the provision's title (paraphrased by libetsi)
    applicable  yes, no or unknown, from the dossier's facts
    outcome     the provision's aggregated outcome (PASS, FAIL, ...)

  RFC 4180: UTF-8, a header row, fields quoted when they hold a comma, a
  quote, CR or LF, quotes doubled, records ending in CRLF.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    exclude-result-prefixes="rp d r c">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text>reference,status,support,detail,title,applicable,outcome&#13;&#10;</xsl:text>
    <xsl:for-each select="/rp:report/r:results/r:outcomes/r:provision">
      <xsl:call-template name="row">
        <xsl:with-param name="id" select="@id"/>
        <xsl:with-param name="status" select="@status"/>
        <xsl:with-param name="applicable" select="@applicable"/>
        <xsl:with-param name="outcome" select="@outcome"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="/rp:report/d:dossier/d:ics/d:entry[not(key('outcome', @provision))]">
      <xsl:call-template name="row">
        <xsl:with-param name="id" select="@provision"/>
        <xsl:with-param name="status" select="key('provision', @provision)/@status"/>
        <xsl:with-param name="applicable" select="''"/>
        <xsl:with-param name="outcome" select="''"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="id"/>
    <xsl:param name="status"/>
    <xsl:param name="applicable"/>
    <xsl:param name="outcome"/>
    <xsl:variable name="entry" select="key('ics-entry', $id)"/>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$id"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$status"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$entry/@support"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$entry/d:detail"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="key('provision', $id)/c:title"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$applicable"/>
    </xsl:call-template>
    <xsl:call-template name="csv-field">
      <xsl:with-param name="value" select="$outcome"/>
      <xsl:with-param name="last" select="true()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
